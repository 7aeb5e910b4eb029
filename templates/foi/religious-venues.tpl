id: foi-religious-venues
kind: foi
title: 依法登记的宗教活动场所名录
domain: ethnic-religion
expected_reply: 1
subject: 政府信息公开申请——宗教活动场所名录
note: 宗教活动场所基本信息可在国家宗教事务局网站查询，正确答复是告知该途径（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

贵单位辖区内经依法登记的宗教活动场所名录，包括场所名称、宗教类别、地址和登记证号。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
