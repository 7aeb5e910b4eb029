id: foi-reservoir-dam-safety
kind: foi
title: 水库大坝安全责任人名单
domain: water
expected_reply: 1
subject: 申请公开{{year.current}}年度水库大坝安全责任人名单
note: 水利部要求水库大坝安全责任人名单每年汛前向社会公布（第（一）项）。

{{unit.name}}：

你好！我叫{{persona.name}}，家住在一座小水库的下游。按照《中华人民共和国政府信息公开条例》的规定，想向你们申请公开以下信息：

贵单位辖区内各水库{{year.current}}年度的大坝安全责任人名单，包括水库名称、所在乡镇、政府责任人、主管部门责任人、管理单位责任人和巡查责任人。

我希望收到电子版（扫描件、电子表格都可以），请发到我的邮箱{{reply_to}}；如果这些信息已经在网上公开了，告诉我具体在哪个网页能查到也可以。

我的身份证件：{{persona.id_type}}，号码{{persona.id_number}}
联系电话：{{persona.phone}}
联系地址：{{persona.address}}，邮编{{persona.postcode}}

{{persona.name}}
{{date}}
