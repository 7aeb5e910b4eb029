id: foi-administrative-review
kind: foi
title: 行政复议案件办理情况
domain: justice
expected_reply: 2
subject: 政府信息公开申请：{{year.last}}年度行政复议案件办理情况
note: 这些数据常见于法治政府建设年度报告和政府信息公开年度报告；未单独公开的，可根据现有统计提供（第（二）项），已公开的告知途径（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

{{year.last}}年度贵单位办理（或承办本级人民政府）的行政复议案件的收案数、审结数，以及审结案件中维持、驳回、撤销、变更、确认违法、责令履行和调解和解终止的件数。

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
