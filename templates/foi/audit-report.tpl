id: foi-audit-report
kind: foi
title: 预算执行审计工作报告及整改情况
domain: audit
expected_reply: 1
subject: 政府信息公开申请——{{year.last}}年度审计工作报告和整改情况报告
note: 审计工作报告和整改情况报告在人大常委会审议后向社会公开（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

1. 关于{{year.last}}年度本级预算执行和其他财政收支的审计工作报告；
2. 该审计工作报告所指出问题的整改情况报告（提交本级人大常委会的版本）。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
