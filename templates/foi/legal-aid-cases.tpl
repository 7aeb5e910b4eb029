id: foi-legal-aid-cases
kind: foi
title: 法律援助案件办理情况和经费
domain: justice
expected_reply: 2
subject: 政府信息公开申请：{{year.last}}年法律援助办案数量和经费使用
note: 法律援助经费和办案数量属于司法行政部门掌握的统计信息，可以公开（第（二）项）；部分已在年度工作总结或部门决算中公开（第（一）项）。

{{unit.name}}：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

1. {{year.last}}年贵单位（含所属法律援助中心）受理和指派的法律援助案件数量，请按刑事、民事、行政分列，并列出其中农民工讨薪类案件数；
2. {{year.last}}年法律援助经费的预算数、实际支出数，以及支付给律师事务所的办案补贴标准（元/件）。

汇总数字即可，不需要任何受援人个人信息。请以电子邮件发送至{{reply_to}}。

申请人：{{persona.name}}
证件：{{persona.id_type}} {{persona.id_number}}
电话：{{persona.phone}}
通信地址：{{persona.address}}
{{date}}
