id: foi-veteran-placement
kind: foi
title: 退役士兵安置岗位和选岗结果
domain: veterans
expected_reply: 1
subject: 政府信息公开申请——{{year.current}}年退役士兵安置计划和结果
note: 退役士兵安置岗位和选岗结果按规定公示（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

{{year.current}}年贵单位辖区符合政府安排工作条件的退役士兵安置计划：安置岗位所在单位名称、岗位数量、选岗办法及选岗结果（结果可按公示时的方式提供）。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
