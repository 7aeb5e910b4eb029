id: foi-hazard-supervision
kind: foi
title: 重大事故隐患挂牌督办及整改情况
domain: emergency
expected_reply: 1
subject: 政府信息公开申请：{{year.last}}年重大事故隐患挂牌督办情况
note: 安全生产领域基层政务公开标准目录要求公开重大隐患排查、挂牌督办及整改情况（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

{{year.last}}年贵单位辖区内被挂牌督办的重大生产安全事故隐患清单：隐患单位名称、隐患内容、督办单位、整改期限和整改销号情况。

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
