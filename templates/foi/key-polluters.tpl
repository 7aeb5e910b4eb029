id: foi-key-polluters
kind: foi
title: 环境监管重点单位名录
domain: environment
expected_reply: 1
subject: 政府信息公开申请——{{year.current}}年环境监管重点单位名录
note: 环境监管重点单位名录按规定每年向社会公布，排污许可信息在全国排污许可证管理信息平台公开（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

贵单位{{year.current}}年度环境监管重点单位名录（包括水环境、大气环境、土壤污染、声环境重点排污单位和环境风险重点管控单位），以及名录中企业的排污许可证编号。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
