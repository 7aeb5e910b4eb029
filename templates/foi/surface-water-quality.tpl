id: foi-surface-water-quality
kind: foi
title: 辖区地表水考核断面水质监测结果
domain: environment
expected_reply: 1
subject: 申请公开{{year.last}}年地表水考核断面水质
note: 环境质量状况属主动公开范围，生态环境部门一般按月发布（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，住在府河边，平时关心河水的水质。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

{{year.last}}年，贵单位辖区内地表水国控、省控考核断面（如府河、漂水等河流上的断面）逐月的水质监测结果，包括断面名称、所在河流、水质类别，以及是否达到考核目标。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
