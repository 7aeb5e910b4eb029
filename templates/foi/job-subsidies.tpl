id: foi-job-subsidies
kind: foi
title: 一次性扩岗补助和稳岗返还发放名单
domain: employment
expected_reply: 1
subject: 申请公开{{year.last}}年一次性扩岗补助和稳岗返还名单
note: 补助和返还的发放名单按规定向社会公示（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，在一家小企业做人事工作。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

1. {{year.last}}年贵单位发放一次性扩岗补助的企业名单、招用人数和补助金额；
2. {{year.last}}年失业保险稳岗返还的企业名单和返还金额。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
