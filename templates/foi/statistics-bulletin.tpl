id: foi-statistics-bulletin
kind: foi
title: 统计公报和主要经济指标
domain: statistics
expected_reply: 1
subject: 政府信息公开申请——{{year.last}}年统计公报及{{year.current}}年以来主要经济指标
note: 统计公报和主要统计数据属条例第二十条第（四）项的主动公开范围，多为告知已公开的途径（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

1. 贵单位辖区{{year.last}}年国民经济和社会发展统计公报；
2. {{year.current}}年以来已发布的月度、季度主要经济指标，包括地区生产总值（季度）、规模以上工业增加值增速、固定资产投资增速和社会消费品零售总额。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
