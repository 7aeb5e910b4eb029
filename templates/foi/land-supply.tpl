id: foi-land-supply
kind: foi
title: 国有建设用地供应计划及出让结果
domain: natural-resources
expected_reply: 1
subject: 政府信息公开申请：{{year.current}}年度国有建设用地供应计划
note: 土地供应计划和出让结果按自然资源领域基层政务公开标准指引主动公开，并在中国土地市场网公示（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. 贵单位编制的{{year.current}}年度国有建设用地供应计划（含住宅用地供应计划）；
2. {{year.last}}年已出让的国有建设用地的出让结果，包括地块编号、位置、用途、面积、成交价和受让人。

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
