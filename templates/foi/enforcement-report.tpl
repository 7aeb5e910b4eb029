id: foi-enforcement-report
kind: foi
title: 行政执法数据统计年度报告
domain: enforcement
expected_reply: 1
subject: 申请公开{{year.last}}年度行政执法统计年度报告
note: 《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》要求每年1月31日前公开上年度行政执法总体情况数据（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，想了解本地行政执法的整体情况。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

1. 贵单位{{year.last}}年度行政执法数据统计年度报告（按行政执法公示制度要求，每年1月31日前公开的上一年度行政执法总体情况有关数据）；
2. 如果没有单独的年度报告，请提供{{year.last}}年度贵单位作出行政处罚决定的总件数、罚没款总金额，以及实施行政强制措施的件数。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
