id: foi-elderly-care-institutions
kind: foi
title: 养老机构名录及运营补贴
domain: civil-affairs
expected_reply: 1
subject: 申请公开养老机构名录和运营补贴发放情况
note: 社会救助和养老服务领域基层政务公开标准指引要求公开养老机构备案、扶持补贴信息（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，家里老人想住养老院，正在了解情况。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

1. 贵单位辖区内已备案的养老机构名录，包括名称、地址、床位数，以及属于公办还是民办；
2. {{year.last}}年养老机构运营补贴（床位补贴）的发放标准和发放结果。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
