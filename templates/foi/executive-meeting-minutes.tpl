id: foi-executive-meeting-minutes
kind: foi
title: 第一季度政府常务会议纪要
domain: government
expected_reply: 3
subject: 申请公开{{year.last}}年第四季度政府常务会议纪要
note: 会议纪要和讨论记录一般属于内部事务信息或过程性信息，可以不予公开（条例第十六条）；正确答复应告知不予公开并说明理由（第（三）项），可同时告知已公开的会议决定事项。

{{unit.name}}：

你好！我叫{{persona.name}}，想了解政府今年初研究了哪些事项。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

{{unit.name}}在{{year.last}}年10月至12月召开的各次常务会议的会议纪要全文，以及会议讨论有关议题时的讨论记录。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
