id: consult-disability-subsidies
kind: consult
title: 残疾人两项补贴
domain: civil-affairs
subject: 重度残疾有哪些补贴，怎么申请
keypoint: 生活补贴
keypoint: 护理补贴
keypoint: 残疾人证
keypoint: 乡镇 | 街道
reference: 残疾人两项补贴包括困难残疾人生活补贴和重度残疾人护理补贴。生活补贴的对象主要是低保家庭中的残疾人；护理补贴的对象是残疾等级被评定为一级、二级且需要长期照护的重度残疾人。请持第二代残疾人证、身份证、户口簿，向户籍所在地的乡镇人民政府（街道办事处）提出申请，也可以通过全国残疾人两项补贴“跨省通办”平台网上申请，审核通过后按月发放。
valid_from: 2023-01-01
valid_until: 2026-12-31

我弟弟是一级肢体残疾，家里经济困难。听说有残疾人补贴，请问有哪些补贴，去哪里申请？
