id: foi-rural-revitalization-funds
kind: foi
title: 财政衔接推进乡村振兴补助资金分配和项目
domain: rural-revitalization
expected_reply: 1
subject: 政府信息公开申请——{{year.last}}年衔接推进乡村振兴补助资金和项目计划
note: 乡村振兴领域的衔接资金分配结果和年度项目计划属主动公开内容（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

1. {{year.last}}年贵单位辖区财政衔接推进乡村振兴补助资金的分配结果；
2. {{year.last}}年度衔接资金项目计划，包括项目名称、实施地点、建设内容、资金规模和联农带农机制，以及截至申请之日的实施进度。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
