id: foi-budget
kind: foi
title: 部门预算及“三公”经费预算
domain: budget
expected_reply: 1
subject: 政府信息公开申请：{{year.budget}}年部门预算及“三公”经费预算
note: 部门预算应在批复后20日内向社会公开（《预算法》第十四条），正确答复多为告知已主动公开的网址或栏目（第三十六条第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. 贵单位{{year.budget}}年部门预算，包括部门收支总表、财政拨款收支总表、一般公共预算支出表等公开报表，以及部门预算编制说明；
2. 贵单位{{year.budget}}年“三公”经费预算数，请分别列明因公出国（境）费、公务用车购置及运行费、公务接待费，并说明与上一年预算数相比的增减情况和原因。

所需信息的形式和获取方式：电子文档（PDF、Word、Excel格式均可），请通过电子邮件发送至{{reply_to}}。如上述信息已经主动公开，请告知具体的网址或栏目名称。

申请人信息
姓名：{{persona.name}}
证件类型：{{persona.id_type}}
证件号码：{{persona.id_number}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
通信地址：{{persona.address}}
邮政编码：{{persona.postcode}}

申请人：{{persona.name}}
{{date}}
