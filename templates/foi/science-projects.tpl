id: foi-science-projects
kind: foi
title: 科技计划项目立项清单
domain: science
expected_reply: 1
subject: 申请公开{{year.last}}年度科技计划项目立项清单
note: 科技计划项目一般在立项前公示、立项后公开（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，在本地一家科技型企业工作。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

贵单位{{year.last}}年度科技计划项目（包括重点研发、科技创新平台、科技成果转化等类别）的立项清单，请列明项目名称、承担单位、项目类别和财政资助金额。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
