id: foi-state-enterprises
kind: foi
title: 监管企业名单及主要经营指标
domain: state-assets
expected_reply: 2
subject: 政府信息公开申请：国有监管企业{{year.last}}年度主要经营指标
note: 有的地方在国资委网站公开国有企业主要财务指标；未公开的可依申请提供（第（二）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

贵单位履行出资人职责的监管企业名单，以及各企业{{year.last}}年度的营业收入、利润总额、资产总额和国有资本保值增值率。

所需信息的形式和获取方式：电子文档（PDF、Word、Excel格式均可），请通过电子邮件发送至{{reply_to}}。如上述信息已经主动公开，请告知具体的网址或栏目名称。

申请人信息
姓名：{{persona.name}}
证件类型：{{persona.id_type}}
证件号码：{{persona.id_number}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
通信地址：{{persona.address}}
邮政编码：{{persona.postcode}}

申请人：{{persona.name}}
{{date}}
