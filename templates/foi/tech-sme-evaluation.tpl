id: foi-tech-sme-evaluation
kind: foi
title: 科技型中小企业评价入库名单
domain: science
expected_reply: 1
subject: 政府信息公开申请：{{year.last}}年度科技型中小企业入库名单及奖补情况
note: 科技型中小企业评价入库名单由省科技厅分批公告（《科技型中小企业评价办法》，国科发政〔2017〕115号），市县科技部门多告知公告网址（第（一）项）；本地奖补的兑现结果可能需要另行提供（第（二）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，在随州经营一家做汽车零部件检测设备的小公司，正准备申报科技型中小企业。依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，申请公开：

1. {{year.last}}年度贵单位辖区内通过科技型中小企业评价并入库的企业名单（企业名称、入库编号）；
2. {{year.last}}年度对入库企业兑现的市级（县级）奖励或补贴的政策依据（文件名称、文号）和兑现结果（企业名称、金额）。

请以电子文档形式发送至我的邮箱{{reply_to}}。如已在网站公开，告诉我网址即可。

申请人：{{persona.name}}
身份证件：{{persona.id_type}} {{persona.id_number}}
电话：{{persona.phone}}
地址：{{persona.address}}（{{persona.postcode}}）
{{date}}
