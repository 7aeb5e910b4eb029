id: foi-civil-defence-fee
kind: foi
title: 防空地下室易地建设费收费标准
domain: civil-defence
expected_reply: 1
subject: 申请公开防空地下室易地建设费收费标准
note: 行政事业性收费项目及其依据、标准属条例第二十条第（八）项的主动公开范围，多为告知已公开的途径（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，在一家房地产开发公司做报建工作。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

贵单位现行执行的防空地下室易地建设费收费标准、减免规定及依据文件（名称和文号），以及{{year.last}}年度该项费用的征收总额。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
