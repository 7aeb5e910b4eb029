id: foi-food-sampling
kind: foi
title: 食品安全监督抽检不合格产品核查处置
domain: market-regulation
expected_reply: 1
subject: 申请公开{{year.last}}年食品安全抽检不合格产品核查处置情况
note: 《食品安全抽样检验管理办法》要求公布抽检结果和不合格食品核查处置情况（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，家里有小孩，比较关注食品安全。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

{{year.last}}年贵单位组织的食品安全监督抽检中检出的不合格（问题）食品信息，以及对应的核查处置情况：被抽检单位、食品名称、不合格项目、处置措施和结果。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
