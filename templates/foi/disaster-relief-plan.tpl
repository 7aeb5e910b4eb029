id: foi-disaster-relief-plan
kind: foi
title: 自然灾害救助应急预案及救助资金使用
domain: emergency
expected_reply: 1
subject: 申请公开自然灾害救助应急预案
note: 突发公共事件的应急预案属条例第二十条第（十二）项的主动公开范围，多为告知已公开的途径（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，住在农村，夏天常遇到暴雨。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

1. 贵单位辖区现行有效的自然灾害救助应急预案全文（请注明发布日期和文号）；
2. {{year.last}}年以来因自然灾害发放的生活救助资金和物资的数量及使用情况。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
