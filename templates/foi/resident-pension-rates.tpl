id: foi-resident-pension-rates
kind: foi
title: 城乡居民基本养老保险缴费档次和补贴标准
domain: social-security
expected_reply: 1
subject: 政府信息公开申请——城乡居民养老保险缴费档次和政府补贴标准
note: 属社会保障方面的政策措施，主动公开范围（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

贵单位辖区{{year.current}}年度执行的城乡居民基本养老保险个人缴费档次、各档次对应的政府缴费补贴标准，以及基础养老金标准；请一并提供确定上述标准的文件名称和文号。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
