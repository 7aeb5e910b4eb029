id: foi-temporary-assistance
kind: foi
title: 临时救助标准和发放情况
domain: social-assistance
expected_reply: 2
subject: 申请公开临时救助标准和{{year.last}}年发放情况
note: 临时救助标准和审批程序应主动公开（《社会救助暂行办法》第五章），发放汇总数可提供（第（二）项）；个人救助对象信息只公示不提供明细，单位应区分处理。

{{unit.name}}：

你好！我叫{{persona.name}}，我们村有户人家房子烧了，想帮他问问能申请什么救助。依据《中华人民共和国政府信息公开条例》第二十九条，申请公开下面的信息：

1. 贵单位现行临时救助的对象范围、救助标准（一般救助和急难型救助各是多少）和申请审批流程的文件；
2. {{year.last}}年临时救助的人次和总金额（汇总数就行，不要个人信息）。

请把电子版用电子邮件发到{{reply_to}}。我的身份证件：{{persona.id_type}}，{{persona.id_number}}；电话{{persona.phone}}；地址{{persona.address}}。

{{persona.name}}
{{date}}
