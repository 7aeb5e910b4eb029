id: foi-enterprise-support-funds
kind: foi
title: 惠企政策资金兑现情况
domain: subsidies
expected_reply: 1
subject: 政府信息公开申请——{{year.last}}年惠企政策资金兑现结果
note: 使用财政资金支付的惠企政策及兑现结果是市直部门“惠民惠农惠企政策”指标的测评内容，通常已公示（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

{{year.last}}年，贵单位负责兑现的各项惠企政策资金（奖励、补贴、贴息等）的兑现结果，包括：政策名称、受益企业名称、兑现金额、拨付时间。如已在网站“惠企政策”专栏或以公示方式公开，请告知具体位置。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
