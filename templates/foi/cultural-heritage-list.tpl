id: foi-cultural-heritage-list
kind: foi
title: 文物保护单位名录和保护经费
domain: culture-tourism
expected_reply: 2
subject: 政府信息公开申请：辖区文物保护单位名录及{{year.last}}年文物保护经费
note: 各级文物保护单位名录由政府公布（《文物保护法》），一般已公开（第（一）项）；保护经费的项目安排属于财政资金信息，可以公开（第（二）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}是一名历史爱好者，经常去擂鼓墩、叶家山一带看遗址。依据《中华人民共和国政府信息公开条例》第二十九条，申请获取以下信息：

一、贵单位辖区内全国、省、市、县级文物保护单位名录（名称、级别、所在地、公布批次）；
二、{{year.last}}年度用于文物保护的财政资金安排：项目名称、涉及的文物保护单位、金额和实施进度。

请以电子邮件（{{reply_to}}）提供电子版，Excel或PDF均可。

申请人证件：{{persona.id_type}}，号码{{persona.id_number}}
电话：{{persona.phone}}
地址：{{persona.address}}（{{persona.postcode}}）

{{persona.name}}
{{date}}
