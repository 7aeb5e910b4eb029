id: foi-illegal-construction
kind: foi
title: 违法建设查处情况
domain: urban-management
expected_reply: 2
subject: 申请公开{{year.last}}年违法建设查处情况
note: 统计数据可依申请提供（第（二）项），处罚决定按规定公示。

{{unit.name}}：

你好！我叫{{persona.name}}，小区里违建比较多，想了解城管的查处情况。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

{{year.last}}年贵单位在辖区内查处违法建设的情况：立案件数、拆除违法建设的宗数和面积、作出行政处罚决定的件数，以及处罚决定书的公示网址。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
