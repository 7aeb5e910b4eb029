id: foi-property-register
kind: foi
title: 本人房屋的不动产登记信息
domain: natural-resources
expected_reply: 7
subject: 政府信息公开申请：本人房屋不动产登记簿记载信息
note: 不动产登记资料的查询按《不动产登记暂行条例》第二十七条和《不动产登记资料查询暂行办法》办理；正确答复是告知申请人依照这些规定向不动产登记机构申请查询（第（七）项），不作为政府信息公开处理。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

我居住的房屋位于{{persona.address}}，本人是该房屋的产权人之一。现申请获取该房屋不动产登记簿记载的以下信息：权利人、共有情况、抵押登记情况、查封登记情况。

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
