id: foi-procurement-contracts
kind: foi
title: 政府采购合同信息
domain: procurement
expected_reply: 1
subject: 政府信息公开申请——{{year.last}}年政府采购合同
note: 采购人应自政府采购合同签订之日起2个工作日内在指定媒体公告合同（《政府采购法实施条例》第五十条），多为告知已主动公开（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

贵单位作为采购人，在{{year.last}}年1月1日至12月31日期间签订的政府采购合同的以下信息：采购项目名称、采购方式、中标（成交）供应商名称、合同金额、合同签订日期。如贵单位已在中国湖北政府采购网（或中国政府采购网）发布上述项目的中标（成交）结果公告和合同公告，请告知查询方式。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
