id: foi-old-community-renovation
kind: foi
title: 城镇老旧小区改造计划
domain: housing
expected_reply: 1
subject: 申请公开{{year.current}}年城镇老旧小区改造计划和进度
note: 老旧小区改造计划属住房保障和城乡建设领域的主动公开内容（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，住在城区一个老小区，听说今年要改造。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

贵单位辖区{{year.current}}年城镇老旧小区改造计划：纳入改造的小区名称、所在街道、户数、改造内容、计划投资及资金来源，以及截至申请之日各小区的开工、完工情况。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
