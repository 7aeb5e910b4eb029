id: foi-key-projects
kind: foi
title: 重点建设项目计划
domain: projects
expected_reply: 1
subject: 申请公开{{year.current}}年重点建设项目计划清单
note: 重大建设项目的批准和实施情况属主动公开范围（条例第二十条第（十）项），多为告知已主动公开（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，在随州做工程方面的工作。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

贵单位{{year.current}}年度重点建设项目（重大项目）计划清单，每个项目请列明：项目名称、建设单位、建设地点、建设内容及规模、总投资、{{year.current}}年计划投资额、计划开工和竣工时间。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
