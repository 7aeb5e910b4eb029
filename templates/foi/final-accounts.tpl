id: foi-final-accounts
kind: foi
title: 部门决算及“三公”经费决算
domain: budget
expected_reply: 1
subject: 申请公开{{year.last}}年度部门决算
note: 部门决算应在批复后20日内向社会公开（《预算法》第十四条），多为告知已主动公开的途径（第（一）项）；尚未公开的应予提供（第（二）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，平时比较关心本地财政资金的使用情况。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

1. 贵单位{{year.last}}年度部门决算，包括决算公开报表和决算情况说明；
2. {{year.last}}年度“三公”经费决算数，以及与年初预算数的对比和增减原因；
3. {{year.last}}年度政府采购支出总额，请分货物、工程、服务列出。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
