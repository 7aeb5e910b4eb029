id: foi-investment-projects
kind: foi
title: 新签约招商引资项目清单
domain: investment
expected_reply: 2
subject: 政府信息公开申请：{{year.last}}年新签约招商引资项目
note: 签约项目清单一般已制作，可依申请提供（第（二）项）；涉及投资方商业秘密的应书面征求第三方意见（条例第三十二条）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

{{year.last}}年贵单位辖区新签约的招商引资项目清单：项目名称、投资方、计划投资额、项目所在地和签约时间，以及其中已开工项目的名单。

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
