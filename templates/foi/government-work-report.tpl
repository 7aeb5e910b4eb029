id: foi-government-work-report
kind: foi
title: 政府工作报告及民生实事进展
domain: government
expected_reply: 1
subject: 政府信息公开申请：{{year.current}}年政府工作报告及民生实事进展
note: 政府工作报告属主动公开范围，民生实事进展多在政府网站发布（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. {{unit.name}}{{year.current}}年政府工作报告全文；
2. {{year.current}}年确定的年度民生实事项目清单，以及截至申请之日各项目的完成进度。

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
