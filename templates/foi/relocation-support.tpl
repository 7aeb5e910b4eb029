id: foi-relocation-support
kind: foi
title: 易地扶贫搬迁安置点后续扶持项目
domain: rural-revitalization
expected_reply: 2
subject: 政府信息公开申请：易地扶贫搬迁安置点后续扶持项目及资金
note: 易地扶贫搬迁后续扶持项目和资金属于衔接资金项目信息，应当公开（第（二）项）；已在项目库公告公示的可告知途径（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十九条，申请公开以下信息：

1. 贵单位辖区易地扶贫搬迁集中安置点的名称、安置户数和人数；
2. {{year.last}}年以来安排的安置点后续扶持项目（产业配套、就业帮扶车间、社区服务设施等）：项目名称、所在安置点、资金来源和金额、建成时间。

形式：电子文档，请通过电子邮件发送至{{reply_to}}；也可邮寄至{{persona.address}}（邮编{{persona.postcode}}）。

身份证件：{{persona.id_type}} {{persona.id_number}}
联系电话：{{persona.phone}}

申请人：{{persona.name}}
{{date}}
