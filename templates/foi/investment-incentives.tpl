id: foi-investment-incentives
kind: foi
title: 招商引资优惠政策兑现情况
domain: investment
expected_reply: 2
subject: 申请公开招商引资优惠政策文件及{{year.last}}年兑现情况
note: 招商引资优惠政策文件应主动公开；政府与企业签订的投资协议中的商业条款可能涉及商业秘密，部分不予公开（第（三）项），看单位是否区分处理并说明理由。

{{unit.name}}：

我叫{{persona.name}}，是外地回随州创业的，想了解本地对引进项目有哪些优惠。依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，申请公开：

一、贵单位现行有效的招商引资优惠政策文件（名称、文号、有效期）；
二、{{year.last}}年按上述政策向签约企业兑现的奖励、补贴汇总情况：企业名称、政策项目和兑现金额。

请用电子邮件回复至{{reply_to}}。

申请人：{{persona.name}}
{{persona.id_type}}：{{persona.id_number}}
手机：{{persona.phone}}
地址：{{persona.address}}
{{date}}
