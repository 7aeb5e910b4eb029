id: foi-farm-machinery-subsidy
kind: foi
title: 农机购置与应用补贴实施情况
domain: agriculture
expected_reply: 1
subject: 政府信息公开申请——{{year.last}}年度农机购置与应用补贴受益名单
note: 农机购置补贴的受益信息按规定在补贴信息公开专栏公开（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

{{year.last}}年度贵单位辖区农机购置与应用补贴的实施情况：补贴资金总额，受益农户（农业生产经营组织）名单、购置机具品目、补贴金额及结算时间。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
