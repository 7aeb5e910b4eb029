id: foi-random-inspections
kind: foi
title: “双随机、一公开”抽查计划和结果
domain: enforcement
expected_reply: 1
subject: 政府信息公开申请——{{year.current}}年“双随机、一公开”抽查计划和结果
note: 抽查计划和结果应通过国家企业信用信息公示系统等途径向社会公示，多为告知已主动公开（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

1. 贵单位{{year.current}}年度“双随机、一公开”抽查工作计划，包括抽查事项、抽查比例和时间安排；
2. {{year.last}}年已经完成的抽查的结果，包括被抽查对象名称、检查事项、检查结果及后续处理情况。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
