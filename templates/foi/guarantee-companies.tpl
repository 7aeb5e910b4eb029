id: foi-guarantee-companies
kind: foi
title: 融资担保公司和小额贷款公司名录
domain: finance
expected_reply: 1
subject: 政府信息公开申请——融资担保公司和小额贷款公司名录
note: 地方金融监管部门按要求公布机构名录（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

贵单位辖区内持有有效经营许可证的融资担保公司名录、小额贷款公司名录（名称、注册资本、地址、法定代表人），以及{{year.last}}年被取消经营资格或列入失联、空壳名单的机构名单。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
