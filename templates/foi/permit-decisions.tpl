id: foi-permit-decisions
kind: foi
title: 行政许可决定结果
domain: permits
expected_reply: 1
subject: 政府信息公开申请：{{year.last}}年行政许可决定结果
note: 行政许可结果属第二十条第（五）项主动公开范围，“双公示”要求作出决定后7个工作日内上网公示；多为告知已主动公开的途径（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

贵单位在{{year.last}}年1月1日至12月31日期间作出的全部行政许可决定（包括准予许可和不予许可）的结果信息，每项请列明：许可事项名称、行政相对人名称、许可决定书文号、许可内容、决定日期。

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
