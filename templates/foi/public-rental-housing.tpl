id: foi-public-rental-housing
kind: foi
title: 公租房配租结果和保障性租赁住房计划
domain: housing
expected_reply: 1
subject: 政府信息公开申请：公租房配租结果和{{year.current}}年保障性租赁住房计划
note: 保障性住房领域基层政务公开标准目录要求公开分配结果和年度建设计划（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. {{year.last}}年贵单位辖区公共租赁住房配租结果公示，包括配租对象、房源位置和配租时间（对象信息可按公示时的脱敏方式提供）；
2. {{year.current}}年度保障性租赁住房建设筹集计划（项目名称、位置、套数）及截至申请之日的完成情况。

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
