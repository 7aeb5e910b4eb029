id: foi-rural-roads
kind: foi
title: 农村公路建设计划和补助标准
domain: transport
expected_reply: 1
subject: 政府信息公开申请：{{year.current}}年度农村公路建设计划
note: 农村公路建设计划和补助政策属交通运输领域基层政务公开标准指引的公开事项（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. {{year.current}}年度贵单位辖区农村公路建设计划，包括新改建、提档升级项目的名称、所在乡镇、里程和投资；
2. 农村公路建设的省、市补助标准（元/公里）及执行文件的名称和文号。

所需信息的形式和获取方式：电子文档（PDF、Word、Excel格式均可），请通过电子邮件发送至{{reply_to}}。如上述信息已经主动公开，请告知具体的网址或栏目名称。

申请人信息
姓名：{{persona.name}}
证件类型：{{persona.id_type}}
证件号码：{{persona.id_number}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
通信地址：{{persona.address}}
邮政编码：{{persona.postcode}}

申请人：{{persona.name}}
{{date}}
