id: foi-state-property-leases
kind: foi
title: 国有企业门面房出租招租结果
domain: state-assets
expected_reply: 2
subject: 申请公开市属国有企业经营性房产招租结果
note: 国有企业资产出租应公开招租（《企业国有资产交易监督管理办法》及地方实施细则），国资委掌握监管企业房产出租的公开招租信息，可提供（第（二）项）；由企业自行公开的，可告知途径（第（一）项）。

{{unit.name}}：

本人{{persona.name}}，想在城区租一间门面做小生意，听说国有企业的门面都要公开招租。依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

自{{year.last}}年1月1日起，贵单位监管的国有企业对外出租经营性房产（门面、写字楼、仓库）的公开招租结果：房产位置、面积、租期、成交租金和承租人，以及招租公告发布的平台。

电子版通过电子邮件发送到{{reply_to}}即可。

申请人身份证件：{{persona.id_type}} {{persona.id_number}}
联系电话：{{persona.phone}}
地址：{{persona.address}}

申请人：{{persona.name}}
{{date}}
