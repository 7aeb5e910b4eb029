id: foi-housing-fund-limits
kind: foi
title: 住房公积金缴存基数和贷款额度
domain: housing
expected_reply: 5
subject: 政府信息公开申请——住房公积金缴存基数上下限和贷款最高额度
note: 住房公积金由随州住房公积金中心管理并公开，该中心是法律、法规授权的组织（条例第五十四条）；住建局或政府收到申请，正确答复是告知不属于本机关负责公开，并指明该中心及其联系方式（第（五）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

{{year.current}}年度随州住房公积金缴存基数的上限和下限、缴存比例的范围，以及现行住房公积金个人住房贷款的最高额度（单方缴存和双方缴存分别是多少）。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
