id: foi-14th-plan-midterm
kind: foi
title: “十四五”规划纲要实施中期评估报告
domain: planning
expected_reply: 2
subject: 政府信息公开申请：“十四五”规划实施中期评估报告
note: 中期评估报告提请本级人大常委会审议后，有的地方主动公开、有的未公开；未公开而可以公开的应予提供（第（二）项），已公开的告知途径（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. 贵单位牵头开展的本级国民经济和社会发展第十四个五年规划纲要实施情况中期评估报告（评估报告正文）；
2. 如贵单位负责的是“十四五”专项规划，请提供该专项规划的中期评估报告或中期评估结论。

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
