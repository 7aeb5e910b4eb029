id: foi-consumption-promotion
kind: foi
title: 促消费活动财政资金使用情况
domain: commerce
expected_reply: 2
subject: 申请公开{{year.last}}年消费券等促消费活动的资金使用情况
note: 资金使用数据一般已经制作但未必主动公开，能公开的应予提供（第（二）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，今年领过几次消费券。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

{{year.last}}年贵单位组织或参与的促消费活动（如发放消费券、汽车和家电消费补贴等）的财政资金安排和使用情况：活动名称、财政资金总额、已核销金额、参与商户数量和核销截止时间。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
