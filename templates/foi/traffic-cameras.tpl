id: foi-traffic-cameras
kind: foi
title: 固定式交通技术监控设备设置地点
domain: public-security
expected_reply: 1
subject: 政府信息公开申请：道路交通技术监控设备设置地点
note: 《道路交通安全违法行为处理程序规定》要求固定式交通技术监控设备的设置地点向社会公布，公安机关多告知已公开的途径（第（一）项）；地方政府收到时应告知由公安机关交通管理部门负责（第（五）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

贵单位（公安机关交通管理部门）在辖区道路上设置的固定式交通技术监控设备（包括闯红灯抓拍、超速测速、违法停车抓拍等设备）的设置地点清单，每处请列明道路名称、具体位置（路口或路段）、监控的违法行为类型和启用时间。

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
