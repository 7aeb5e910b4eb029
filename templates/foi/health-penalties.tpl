id: foi-health-penalties
kind: foi
title: 卫生健康行政处罚决定
domain: health
expected_reply: 1
subject: 申请公开{{year.last}}年卫生健康行政处罚决定
note: 行政处罚决定按“双公示”要求在作出决定后7个工作日内公示（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，是随州本地居民。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

贵单位在{{year.last}}年在医疗卫生、公共场所卫生、生活饮用水卫生等方面作出的行政处罚决定信息：被处罚单位名称、违法事实摘要、处罚依据、处罚结果和决定日期。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
