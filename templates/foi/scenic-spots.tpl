id: foi-scenic-spots
kind: foi
title: A级旅游景区名录及门票优惠政策
domain: culture-tourism
expected_reply: 1
subject: 政府信息公开申请——A级旅游景区名录和门票价格
note: 旅游领域基层政务公开标准指引要求公开A级景区基本情况（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

贵单位辖区内A级旅游景区名录（景区名称、等级、地址、评定时间），以及各景区{{year.current}}年执行的门票价格和减免优惠政策（如对老年人、未成年人、现役军人的减免规定）。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
