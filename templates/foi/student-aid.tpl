id: foi-student-aid
kind: foi
title: 学生资助政策和资助结果
domain: education
expected_reply: 1
subject: 政府信息公开申请：{{year.current}}年学生资助政策及资助名单
note: 学生资助政策属主动公开；汇总数据已公开的告知途径（第（一）项），未公开的应予提供。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. 贵单位辖区{{year.current}}年执行的学生资助政策（学前教育、义务教育、普通高中和中等职业教育各阶段的资助项目、对象和标准）；
2. {{year.last}}年秋季学期普通高中国家助学金的受助学生人数和资助总金额（按学校汇总即可，不需要学生个人信息）。

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
