id: consult-high-school-student-aid
kind: consult
title: 普通高中学生资助
domain: education
subject: 家庭困难的高中生有什么资助
keypoint: 助学金
keypoint: 免除学杂费 | 免学费
keypoint: 学校
reference: 普通高中有国家助学金和免学费政策。国家助学金资助家庭经济困难学生，平均资助标准为每生每年2000元，具体分档由当地确定；建档立卡等家庭经济困难学生（含脱贫家庭、低保家庭、特困供养和残疾学生等）免除学杂费。开学后向就读学校提出申请，填写申请表并提供家庭经济困难的相关证明，经学校评议、公示后发放。
valid_from: 2023-01-01
valid_until: 2026-12-31

家里条件不好，孩子今年考上了普通高中。请问高中有没有助学金或者免学费政策？怎么申请？
